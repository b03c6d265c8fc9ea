package dev.hotline.server.config.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Prompts are Asterisk sound names: a path under its sounds directory without the file's extension, which Asterisk
 * picks by the formats it has ({@code STREAM FILE hotline/system-busy-try-later} plays {@code ....gsm} or
 * {@code ....wav}). A name written with its extension is looked for as {@code x.wav.gsm} and never found: the caller
 * hears nothing. Whether the file exists is Asterisk's to know; the form is checked here.
 */
final class PromptNames {

    /** The extensions of the sound formats Asterisk plays. */
    private static final Set<String> SOUND_EXTENSIONS = Set.of("wav", "wav16", "wav49", "gsm", "ulaw", "alaw", "ul",
            "al", "sln", "sln16", "raw", "g722", "g729", "g726", "ilbc", "siren7", "siren14", "mp3", "ogg", "opus");

    private PromptNames() {
    }

    /** Warns at {@code at} when {@code prompt} ends with a sound file's extension. */
    static void check(String prompt, Where at, LoadContext ctx) {
        int dot = prompt.lastIndexOf('.');
        if (dot > prompt.lastIndexOf('/') && dot < prompt.length() - 1
                && SOUND_EXTENSIONS.contains(prompt.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            ctx.warnings().add(at, "prompt '" + prompt + "' is written with its file's extension: Asterisk adds the "
                    + "format itself and finds no " + prompt + ".<format>, so callers hear nothing; write "
                    + prompt.substring(0, dot));
        }
    }
}
