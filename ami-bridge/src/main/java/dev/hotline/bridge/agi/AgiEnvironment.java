package dev.hotline.bridge.agi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The environment block Asterisk sends when a FastAGI session starts ({@code agi_<key>: <value>} lines).
 *
 * @param networkScript    {@code agi_network_script}: the URL path after {@code host:port/}, with its query string
 *                         ({@code inbound?lang=en})
 * @param request          {@code agi_request}: the whole AGI URL without the AGI() arguments
 * @param channel          {@code agi_channel}, for example {@code PJSIP/trunk-00000001}
 * @param callerId         {@code agi_callerid}; empty when Asterisk has none (it sends the literal {@code unknown})
 * @param callerIdName     {@code agi_calleridname} as sent ({@code unknown} when there is none)
 * @param dnid             {@code agi_dnid}, the dialled number; empty when Asterisk sends {@code unknown}
 * @param args             {@code agi_arg_1..N}: the AGI() application's arguments after the URL
 * @param scriptParameters the query parameters of the network script, URL-decoded, in order
 * @param headers          every environment line, key to value, in the order Asterisk sent them
 */
public record AgiEnvironment(
        String networkScript,
        String request,
        String channel,
        String language,
        String type,
        String uniqueId,
        String version,
        Optional<String> callerId,
        String callerIdName,
        Optional<String> dnid,
        String rdnis,
        String context,
        String extension,
        String priority,
        String enhanced,
        String accountCode,
        String threadId,
        List<String> args,
        Map<String, String> scriptParameters,
        SequencedMap<String, String> headers) {

    public AgiEnvironment {
        Objects.requireNonNull(networkScript, "networkScript");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(callerIdName, "callerIdName");
        Objects.requireNonNull(dnid, "dnid");
        Objects.requireNonNull(rdnis, "rdnis");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(enhanced, "enhanced");
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(threadId, "threadId");
        args = List.copyOf(args);
        scriptParameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(scriptParameters));
        headers = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(headers));
    }

    /** The network script without its query string: {@code inbound} for {@code inbound?lang=en}. */
    public String scriptName() {
        int query = networkScript.indexOf('?');
        return query < 0 ? networkScript : networkScript.substring(0, query);
    }
}
