package org.sightline.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback converter ({@code %maskedMsg}) that masks plates in every message at INFO and above.
 * DEBUG and TRACE keep the full text for troubleshooting on a developer's machine; production
 * runs at INFO.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return event.getLevel().isGreaterOrEqual(Level.INFO) ? PlateMasking.mask(message) : message;
    }
}
