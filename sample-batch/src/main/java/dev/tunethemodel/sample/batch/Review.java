package dev.tunethemodel.sample.batch;

/**
 * A review of the file, by its line.
 *
 * @param line the review's line in the file, from 1, the header included
 * @param text the review's text
 * @since 0.1.0
 */
public record Review(long line, String text) {

}
