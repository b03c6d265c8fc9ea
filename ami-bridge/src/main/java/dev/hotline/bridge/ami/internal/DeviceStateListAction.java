package dev.hotline.bridge.ami.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * {@code Action: DeviceStateList} (Asterisk 13+): every device state as DeviceStateChange events, closed by
 * DeviceStateListComplete. Asterisk-Java has no class for it.
 */
public final class DeviceStateListAction extends AbstractManagerAction implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "DeviceStateList";
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return DeviceStateListCompleteEvent.class;
    }
}
