package dev.tunethemodel.autoconfigure;

import java.time.Duration;

/**
 * The {@code tunethemodel.pool.*} properties, read once when the connector is created.
 *
 * @param maxConnections the maximum number of connections, or of requests in flight on
 * the JDK client
 * @param pendingAcquireTimeout the longest wait for a free connection
 * @param maxIdleTime the time after which an idle connection is closed
 * @param maxLifeTime the time after which a connection is closed once idle
 * @param evictionInterval how often idle and expired connections are closed
 */
record PoolSettings(int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime, Duration maxLifeTime,
		Duration evictionInterval) {

	/**
	 * Return the settings of the given properties.
	 * @param pool the properties
	 * @return the settings
	 */
	static PoolSettings of(TuneTheModelProperties.Pool pool) {
		if (pool.getMaxConnections() < 1) {
			throw new IllegalArgumentException(
					"tunethemodel.pool.max-connections must be at least 1, not " + pool.getMaxConnections());
		}
		return new PoolSettings(pool.getMaxConnections(), pool.getPendingAcquireTimeout(), pool.getMaxIdleTime(),
				pool.getMaxLifeTime(), pool.getEvictionInterval());
	}

}
