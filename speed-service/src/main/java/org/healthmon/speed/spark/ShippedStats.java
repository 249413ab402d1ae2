package org.healthmon.speed.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;

/**
 * A {@link MinuteStats} as Spark ships it between tasks: health-model's records stay free
 * of {@code Serializable}, this holder writes their fields.
 */
final class ShippedStats implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private transient MinuteStats stats;

	ShippedStats(MinuteStats stats) {
		this.stats = stats;
	}

	MinuteStats stats() {
		return this.stats;
	}

	/** health-model's merge, the one used everywhere. */
	ShippedStats merge(ShippedStats other) {
		return new ShippedStats(this.stats.merge(other.stats));
	}

	@Serial
	private void writeObject(ObjectOutputStream out) throws IOException {
		out.writeUTF(this.stats.service());
		out.writeLong(this.stats.minute());
		out.writeLong(this.stats.count());
		write(out, this.stats.cpu());
		write(out, this.stats.ram());
		write(out, this.stats.disk());
	}

	private static void write(ObjectOutputStream out, ResourceStats stats) throws IOException {
		out.writeLong(stats.sum());
		out.writeLong(stats.max());
		out.writeLong(stats.maxAt());
	}

	@Serial
	private void readObject(ObjectInputStream in) throws IOException {
		this.stats = new MinuteStats(in.readUTF(), in.readLong(), in.readLong(), read(in), read(in), read(in));
	}

	private static ResourceStats read(ObjectInputStream in) throws IOException {
		return new ResourceStats(in.readLong(), in.readLong(), in.readLong());
	}

}
