package org.reprise.spec;

/** Panel structure of a data source: the unit identifier and the time variable ({@code panel: {id: hhid, time: year}}). */
public record Panel(String id, String time) {
}
