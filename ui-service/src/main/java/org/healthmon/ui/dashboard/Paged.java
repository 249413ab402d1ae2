package org.healthmon.ui.dashboard;

import java.util.List;

/**
 * One page of a list: its items and where it lies in the whole.
 *
 * @param <T> the items
 * @param items the items of this page
 * @param page this page, from 1 (the last one when more was asked for)
 * @param pages how many pages there are; at least 1
 * @param matching how many items all pages hold
 * @param first the position of this page's first item, from 1; 0 when there are none
 */
record Paged<T>(List<T> items, int page, int pages, int matching, int first) {

	Paged {
		items = List.copyOf(items);
	}

	/** The page {@code page} of {@code all}, {@code size} items a page. */
	static <T> Paged<T> of(List<T> all, int page, int size) {
		int pages = Math.max(1, -Math.floorDiv(-all.size(), size));
		int shown = Math.min(Math.max(1, page), pages);
		int from = (shown - 1) * size;
		List<T> items = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
		return new Paged<>(items, shown, pages, all.size(), items.isEmpty() ? 0 : from + 1);
	}

	/** The position of this page's last item, from 1. */
	public int last() {
		return this.first + this.items.size() - ((this.items.isEmpty()) ? 0 : 1);
	}

}
