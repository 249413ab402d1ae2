package org.healthmon.query.views;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The schedule of {@link ViewFollower}: once when the context is ready, before the server
 * takes requests, so that the first answers already have views; then every
 * {@code healthmon.query.poll-interval} after the previous look ended.
 */
public class ViewFollowing implements SmartInitializingSingleton {

	private final ViewFollower follower;

	public ViewFollowing(ViewFollower follower) {
		this.follower = follower;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.follower.refresh();
	}

	@Scheduled(initialDelayString = "${healthmon.query.poll-interval:250ms}",
			fixedDelayString = "${healthmon.query.poll-interval:250ms}")
	void refresh() {
		this.follower.refresh();
	}

}
