/**
 * Reading training data from files: {@link dev.tunethemodel.client.dataset.TrainingData}.
 */
@NullMarked
package dev.tunethemodel.client.dataset;

import org.jspecify.annotations.NullMarked;
