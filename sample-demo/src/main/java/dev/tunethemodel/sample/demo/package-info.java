/**
 * What the Tune the Model samples share, whether they run on Spring WebFlux or on Spring
 * MVC: the sentiment demo's data and log lines, the request records, the error mapping,
 * and the local emulator when no API key is configured.
 */
@NullMarked
package dev.tunethemodel.sample.demo;

import org.jspecify.annotations.NullMarked;
