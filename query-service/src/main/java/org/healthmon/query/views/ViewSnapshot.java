package org.healthmon.query.views;

import java.util.List;

import org.healthmon.model.ServingViews;

/**
 * The views one answer comes from: a batch view and the realtime set that starts at its
 * cutoff ({@link ServingViews}), with their local files. Immutable; a query holds it
 * through a {@link ViewFollower.Lease} for as long as it runs.
 *
 * @param views the manifests
 * @param parts the cached files, batch view first
 * @param loadedAtMs when the follower switched to these views
 */
public record ViewSnapshot(ServingViews views, List<CachedView> parts, long loadedAtMs) {

	public ViewSnapshot {
		parts = List.copyOf(parts);
	}

	/** Rows in all parts. */
	public long rows() {
		return this.parts.stream().mapToLong(CachedView::rows).sum();
	}

}
