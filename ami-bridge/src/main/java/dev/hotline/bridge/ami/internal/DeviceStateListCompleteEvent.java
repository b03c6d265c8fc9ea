package dev.hotline.bridge.ami.internal;

import org.asteriskjava.manager.event.ResponseEvent;

/** {@code Event: DeviceStateListComplete}, the end of a {@link DeviceStateListAction} list. */
public final class DeviceStateListCompleteEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;

    private String eventList;
    private Integer listItems;

    public DeviceStateListCompleteEvent(Object source) {
        super(source);
    }

    public String getEventList() {
        return eventList;
    }

    public void setEventList(String eventList) {
        this.eventList = eventList;
    }

    public Integer getListItems() {
        return listItems;
    }

    public void setListItems(Integer listItems) {
        this.listItems = listItems;
    }
}
