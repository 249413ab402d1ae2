package org.healthmon.batch.job;

import org.apache.avro.Schema;
import org.healthmon.model.ViewSchema;

/** Positions of the view schema's fields in an Avro record, and the parsed schema. */
final class ViewRows {

	static final Schema SCHEMA = new Schema.Parser().parse(ViewSchema.AVRO_SCHEMA);

	static final int SERVICE = SCHEMA.getField(ViewSchema.SERVICE).pos();

	static final int MINUTE = SCHEMA.getField(ViewSchema.MINUTE).pos();

	static final int COUNT = SCHEMA.getField(ViewSchema.COUNT).pos();

	/** The first of cpu_sum, cpu_max, cpu_max_at (consecutive). */
	static final int CPU = SCHEMA.getField(ViewSchema.columns("cpu")[0]).pos();

	static final int RAM = SCHEMA.getField(ViewSchema.columns("ram")[0]).pos();

	static final int DISK = SCHEMA.getField(ViewSchema.columns("disk")[0]).pos();

	static {
		for (String resource : new String[] { "cpu", "ram", "disk" }) {
			String[] columns = ViewSchema.columns(resource);
			int first = SCHEMA.getField(columns[0]).pos();
			if (SCHEMA.getField(columns[1]).pos() != first + 1 || SCHEMA.getField(columns[2]).pos() != first + 2) {
				throw new IllegalStateException("the view schema's " + resource + " columns are not consecutive");
			}
		}
	}

	private ViewRows() {
	}

}
