package dev.hotline.server.simulation;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The synthetic traffic a simulation feeds the routing engine.
 *
 * @param start         when the simulated period starts, in the centre's time zone (opening hours apply)
 * @param arrivalsEnd   when callers stop calling
 * @param agents        how the simulated agents answer
 * @param businessTypes the call streams, one per business type
 * @param roster        which agents are on duty when
 */
public record TrafficProfile(LocalDateTime start, ArrivalsEnd arrivalsEnd, AgentBehaviour agents,
                             List<BusinessTraffic> businessTypes, Roster roster) {

    /** Traffic met by every configured agent, on duty throughout the run. */
    public TrafficProfile(LocalDateTime start, ArrivalsEnd arrivalsEnd, AgentBehaviour agents,
                          List<BusinessTraffic> businessTypes) {
        this(start, arrivalsEnd, agents, businessTypes, Roster.EVERYONE);
    }

    public TrafficProfile {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(arrivalsEnd, "arrivalsEnd");
        Objects.requireNonNull(agents, "agents");
        businessTypes = List.copyOf(businessTypes);
        if (businessTypes.isEmpty()) {
            throw new IllegalArgumentException("the traffic names no business type");
        }
        Set<String> seen = new HashSet<>();
        for (BusinessTraffic b : businessTypes) {
            if (!seen.add(b.businessType())) {
                throw new IllegalArgumentException("business type " + b.businessType() + " has traffic twice");
            }
        }
        if (businessTypes.stream().allMatch(b -> b.rate().none())) {
            throw new IllegalArgumentException("every business type has 0 calls per hour: nobody calls");
        }
    }
}
