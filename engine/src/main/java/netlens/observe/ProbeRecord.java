package netlens.observe;

/** What one probe measured, at its epoch: network-wide entries first, then each probed layer's. */
public record ProbeRecord(int epoch, Measurements measured) {}
