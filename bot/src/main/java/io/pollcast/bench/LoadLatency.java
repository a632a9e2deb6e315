package io.pollcast.bench;

/**
 * Acknowledgement latency at one fixed rate, with how busy H2 was storing votes meanwhile.
 *
 * @param share the rate as a fraction of the peak: 2 for half, 4 for a quarter
 * @param perSecond the rate
 * @param ack latency of each vote from its scheduled time to its acknowledgement
 * @param writerBusy the share of the run's time spent in transactions storing votes, 0 to 1
 */
record LoadLatency(int share, double perSecond, Latencies.Summary ack, double writerBusy) {}
