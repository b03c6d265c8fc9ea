package dev.hotline.server.config;

import java.util.Locale;

/**
 * Asterisk device names as Asterisk compares them: the technology in any case ({@code pjsip/1001} dials PJSIP/1001),
 * the resource exactly. Device state events always name the technology as registered ({@code PJSIP}), so an agent's
 * endpoint is matched to them, and to other agents' endpoints, by this key.
 */
public final class DeviceNames {
    private DeviceNames() {
    }

    /** {@code endpoint} with its technology in lower case: {@code PJSIP/1001} and {@code pjsip/1001} are one device. */
    public static String key(String endpoint) {
        String device = endpoint.strip();
        int slash = device.indexOf('/');
        return slash < 0 ? device : device.substring(0, slash).toLowerCase(Locale.ROOT) + device.substring(slash);
    }
}
