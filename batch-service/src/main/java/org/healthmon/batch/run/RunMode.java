package org.healthmon.batch.run;

/** What a run is asked to do. */
public enum RunMode {

	/** Incremental when possible (previous version ⊕ new files), full when scheduled. */
	AUTO,
	/** A full recompute from all raw data, now. */
	FULL

}
