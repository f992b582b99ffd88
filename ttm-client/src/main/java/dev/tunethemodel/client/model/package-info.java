/**
 * Values the Tune the Model API exchanges: models, files, requests, results and training
 * events.
 */
@NullMarked
package dev.tunethemodel.client.model;

import org.jspecify.annotations.NullMarked;
