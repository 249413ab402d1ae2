package org.healthmon.importer;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one input file, in order, into a sink. */
interface MessageReader extends Closeable {

	/** Reads every record. */
	void read(RecordSink sink) throws IOException;

	/** How far into the file it has read, in bytes of the file: for progress. */
	long bytesRead();

}
