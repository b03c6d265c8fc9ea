package dev.hotline.acd.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls in the centre by id: a hash table chained through the calls themselves ({@link Call#nextInTable}), so a
 * look-up loads the table's slot and the call, without a map entry between them. A call's next event comes minutes
 * after the last, when all of these are out of the cache, and most events start with this look-up.
 */
final class CallTable {

    private Call[] slots = new Call[64];
    private int size;

    /** The call with this id, or null. */
    Call get(String id) {
        int hash = hash(id);
        for (Call c = slots[hash & (slots.length - 1)]; c != null; c = c.nextInTable) {
            // the bridge hands back the engine's own id string, so the identity test usually decides
            if (c.idHash == hash && (c.id == id || c.id.equals(id))) {
                return c;
            }
        }
        return null;
    }

    /** Files a call whose id is not in the table. */
    void add(Call call) {
        if (size >= slots.length - (slots.length >>> 2)) {
            grow();
        }
        int slot = call.idHash & (slots.length - 1);
        call.nextInTable = slots[slot];
        slots[slot] = call;
        size++;
    }

    /** Takes the call out; nothing if it is not in the table. */
    void remove(Call call) {
        int slot = call.idHash & (slots.length - 1);
        Call previous = null;
        for (Call c = slots[slot]; c != null; previous = c, c = c.nextInTable) {
            if (c == call) {
                if (previous == null) {
                    slots[slot] = c.nextInTable;
                } else {
                    previous.nextInTable = c.nextInTable;
                }
                c.nextInTable = null;
                size--;
                return;
            }
        }
    }

    /** The slots themselves, for {@link Lookahead} to read. */
    Call[] slots() {
        return slots;
    }

    int size() {
        return size;
    }

    /** Every call, in no particular order: a copy, so the caller may change the table meanwhile. */
    List<Call> all() {
        List<Call> all = new ArrayList<>(size);
        for (Call head : slots) {
            for (Call c = head; c != null; c = c.nextInTable) {
                all.add(c);
            }
        }
        return all;
    }

    /** The id's hash with its high bits folded into the low ones that pick the slot, as {@code HashMap} does. */
    static int hash(String id) {
        int h = id.hashCode();
        return h ^ (h >>> 16);
    }

    private void grow() {
        Call[] old = slots;
        slots = new Call[old.length * 2];
        for (Call head : old) {
            for (Call c = head; c != null; ) {
                Call next = c.nextInTable;
                int slot = c.idHash & (slots.length - 1);
                c.nextInTable = slots[slot];
                slots[slot] = c;
                c = next;
            }
        }
    }
}
