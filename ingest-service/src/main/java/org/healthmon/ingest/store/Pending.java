package org.healthmon.ingest.store;

import java.io.IOException;

/**
 * What a store keeps on local disk until HDFS takes it: an orphaned HDFS file or a spool
 * segment. {@link StoreRecovery} goes through them in sequence order; each knows how it
 * is made visible in the store and then forgotten locally.
 */
sealed interface Pending permits NodeState.Orphan, SpoolSegment.Stored {

	/** Its sequence number, the order of recovery. */
	long seq();

	/**
	 * Makes it visible in the store, then forgets it locally; repeatable after a failure
	 * or a restart without duplicating anything.
	 * @return the lines replayed from the spool
	 */
	long recover(StoreRecovery recovery, NodeState state) throws IOException;

}
