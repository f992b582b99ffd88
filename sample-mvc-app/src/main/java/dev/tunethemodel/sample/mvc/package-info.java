/**
 * A Spring MVC application that uses the Tune the Model starter's blocking API.
 */
@NullMarked
package dev.tunethemodel.sample.mvc;

import org.jspecify.annotations.NullMarked;
