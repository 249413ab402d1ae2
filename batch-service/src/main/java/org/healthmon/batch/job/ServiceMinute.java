package org.healthmon.batch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;

/**
 * The key of a view row: (service, event minute). Sorts by service, then minute, so the
 * reducer writes rows in the order the view schema promises; a raw comparator sorts the
 * serialized bytes without deserializing them.
 */
public final class ServiceMinute implements WritableComparable<ServiceMinute> {

	private final Text service = new Text();

	private long minute;

	public ServiceMinute() {
	}

	public ServiceMinute(String service, long minute) {
		set(service, minute);
	}

	public void set(String service, long minute) {
		this.service.set(service);
		this.minute = minute;
	}

	public String service() {
		return this.service.toString();
	}

	public Text serviceText() {
		return this.service;
	}

	public long minute() {
		return this.minute;
	}

	@Override
	public void write(DataOutput out) throws IOException {
		this.service.write(out);
		out.writeLong(this.minute);
	}

	@Override
	public void readFields(DataInput in) throws IOException {
		this.service.readFields(in);
		this.minute = in.readLong();
	}

	@Override
	public int compareTo(ServiceMinute other) {
		int byService = this.service.compareTo(other.service);
		return (byService != 0) ? byService : Long.compare(this.minute, other.minute);
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof ServiceMinute other && this.minute == other.minute && this.service.equals(other.service);
	}

	@Override
	public int hashCode() {
		return this.service.hashCode() * 31 + Long.hashCode(this.minute);
	}

	@Override
	public String toString() {
		return this.service + "@" + this.minute;
	}

	/** Compares serialized keys: the service's UTF-8 bytes, then the minute. */
	public static final class Comparator extends WritableComparator {

		public Comparator() {
			super(ServiceMinute.class);
		}

		@Override
		public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
			try {
				int n1 = WritableUtils.decodeVIntSize(b1[s1]);
				int n2 = WritableUtils.decodeVIntSize(b2[s2]);
				int len1 = readVInt(b1, s1);
				int len2 = readVInt(b2, s2);
				int byService = compareBytes(b1, s1 + n1, len1, b2, s2 + n2, len2);
				if (byService != 0) {
					return byService;
				}
				return Long.compare(readLong(b1, s1 + n1 + len1), readLong(b2, s2 + n2 + len2));
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("malformed key", ex);
			}
		}

	}

	static {
		WritableComparator.define(ServiceMinute.class, new Comparator());
	}

}
