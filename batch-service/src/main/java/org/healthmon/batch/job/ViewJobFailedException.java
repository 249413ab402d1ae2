package org.healthmon.batch.job;

import java.io.IOException;

/** The view job ran and failed; the message carries Hadoop's failure info. */
public class ViewJobFailedException extends IOException {

	public ViewJobFailedException(String message) {
		super(message);
	}

}
