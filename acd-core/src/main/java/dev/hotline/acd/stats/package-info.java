/**
 * The figures a call centre is run by (service level, ASA, AHT, abandonment, connection rate, occupancy,
 * utilisation...), computed from the routing engine's decisions by {@link dev.hotline.acd.stats.CentreStatistics}.
 * The definitions are the same everywhere (core, reports, simulator) and are written down in {@code docs/kpis.md}.
 */
package dev.hotline.acd.stats;
