package dev.hotline.acd.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may take a call at one point of its plan (after a number of its escalation steps fired): the eligible groups in
 * order, the step that added each (null: from the start), the priority boost so far, and the distinct agents across
 * those groups. Shared by every call at that point of the same plan; never changed once built.
 */
final class Eligibility {

    /** Before the call is in a queue: no groups. */
    static final Eligibility NONE = new Eligibility(new Group[0], new String[0], 0, new GroupSet(new Group[0]));

    final Group[] groups;
    /** The ids of {@link #groups}, in order: immutable, handed out in decisions and views as they are. */
    final List<String> groupIds;
    /** Per group, the step that added it (empty: from the start), made once so that offers allocate none. */
    final List<Optional<String>> addedBy;
    final int boost;
    final GroupSet staffing;

    Eligibility(Group[] groups, String[] addedBy, int boost, GroupSet staffing) {
        this.groups = groups;
        String[] ids = new String[groups.length];
        for (int i = 0; i < groups.length; i++) {
            ids[i] = groups[i].id;
        }
        this.groupIds = List.of(ids);
        this.addedBy = Arrays.stream(addedBy).map(Optional::ofNullable).toList();
        this.boost = boost;
        this.staffing = staffing;
    }
}
