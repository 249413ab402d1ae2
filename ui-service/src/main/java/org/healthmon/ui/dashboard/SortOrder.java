package org.healthmon.ui.dashboard;

import java.util.Comparator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How the results table is sorted: a column and a direction, in the URL as
 * {@code sort=cpu-peak&dir=desc}. The page sorts again in the browser when a header is
 * clicked, by the same keys.
 *
 * @param column the column
 * @param descending whether the largest (or latest, or last by name) comes first
 */
record SortOrder(Column column, boolean descending) {

	static final SortOrder DEFAULT = new SortOrder(Column.SERVICE, false);

	static SortOrder of(@Nullable String sort, @Nullable String dir) {
		Column column = Column.of(sort);
		if (column == null) {
			return DEFAULT;
		}
		boolean descending = (dir != null) ? "desc".equalsIgnoreCase(dir.strip()) : column != Column.SERVICE;
		return new SortOrder(column, descending);
	}

	public String dir() {
		return this.descending ? "desc" : "asc";
	}

	public boolean isDefault() {
		return this.equals(DEFAULT);
	}

	Comparator<DashboardView.Row> comparator() {
		Comparator<DashboardView.Row> order = this.column.comparator();
		order = this.descending ? order.reversed() : order;
		return order.thenComparing(DashboardView.Row::service);
	}

	/** The table's columns, by their keys in the URL and in the page. */
	enum Column {

		SERVICE("service", "Service", Comparator.comparing(DashboardView.Row::service)),
		MESSAGES("messages", "Messages", Comparator.comparingLong(DashboardView.Row::messages)),
		CPU_MEAN("cpu-mean", "CPU mean %", Comparator.comparingDouble((row) -> row.cpu().mean())),
		CPU_PEAK("cpu-peak", "CPU peak %", Comparator.comparingDouble((row) -> row.cpu().peak())),
		CPU_PEAK_AT("cpu-peak-at", "CPU peak at", Comparator.comparing((row) -> row.cpu().peakAt())),
		RAM_MEAN("ram-mean", "RAM mean %", Comparator.comparingDouble((row) -> row.ram().mean())),
		RAM_PEAK("ram-peak", "RAM peak %", Comparator.comparingDouble((row) -> row.ram().peak())),
		RAM_PEAK_AT("ram-peak-at", "RAM peak at", Comparator.comparing((row) -> row.ram().peakAt())),
		DISK_MEAN("disk-mean", "Disk mean %", Comparator.comparingDouble((row) -> row.disk().mean())),
		DISK_PEAK("disk-peak", "Disk peak %", Comparator.comparingDouble((row) -> row.disk().peak())),
		DISK_PEAK_AT("disk-peak-at", "Disk peak at", Comparator.comparing((row) -> row.disk().peakAt()));

		private final String key;

		private final String label;

		private final Comparator<DashboardView.Row> comparator;

		Column(String key, String label, Comparator<DashboardView.Row> comparator) {
			this.key = key;
			this.label = label;
			this.comparator = comparator;
		}

		public String label() {
			return this.label;
		}

		public String key() {
			return this.key;
		}

		Comparator<DashboardView.Row> comparator() {
			return this.comparator;
		}

		static @Nullable Column of(@Nullable String key) {
			if (key == null) {
				return null;
			}
			for (Column column : values()) {
				if (column.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
					return column;
				}
			}
			return null;
		}

	}

}
