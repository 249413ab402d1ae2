package org.healthmon.batch.job;

/** The merge of all stats of one key, shared by the combiner and the reducer. */
final class StatsMerging {

	private StatsMerging() {
	}

	/** Sets {@code into} to the merge of {@code values} (Hadoop reuses each value). */
	static void mergeInto(StatsWritable into, Iterable<StatsWritable> values) {
		boolean first = true;
		for (StatsWritable value : values) {
			if (first) {
				into.set(value);
				first = false;
			}
			else {
				into.merge(value);
			}
		}
	}

}
