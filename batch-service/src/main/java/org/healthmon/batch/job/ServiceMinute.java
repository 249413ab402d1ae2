package org.healthmon.batch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;
import org.healthmon.model.StorageLayout;

/**
 * The key of a view row: (service, event minute). Sorts by the minute's UTC day, then
 * service, then minute, so that a reducer meets the days one after the other and writes
 * each day's segment whole, its rows in the order the view schema promises; a raw
 * comparator sorts the serialized bytes without deserializing them.
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

	/** The start of the UTC day of the key's minute. */
	public long day() {
		return dayOf(this.minute);
	}

	static long dayOf(long minute) {
		return Math.floorDiv(minute, StorageLayout.DAY_MS) * StorageLayout.DAY_MS;
	}

	@Override
	public int compareTo(ServiceMinute other) {
		int byDay = Long.compare(day(), other.day());
		if (byDay != 0) {
			return byDay;
		}
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

	/**
	 * Compares serialized keys: the minute's day, the service's UTF-8 bytes, the minute.
	 */
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
				long minute1 = readLong(b1, s1 + n1 + len1);
				long minute2 = readLong(b2, s2 + n2 + len2);
				int byDay = Long.compare(dayOf(minute1), dayOf(minute2));
				if (byDay != 0) {
					return byDay;
				}
				int byService = compareBytes(b1, s1 + n1, len1, b2, s2 + n2, len2);
				return (byService != 0) ? byService : Long.compare(minute1, minute2);
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
