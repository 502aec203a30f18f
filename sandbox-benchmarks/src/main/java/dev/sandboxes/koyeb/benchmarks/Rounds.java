/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */


package dev.sandboxes.koyeb.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * One figure as each round measured it, absent from the rounds that did not measure it,
 * told as its median over the rounds with the lowest and highest in brackets.
 *
 * @param values the figure of each round
 */
record Rounds(List<Optional<Double>> values) {

	Rounds map(DoubleUnaryOperator function) {
		return new Rounds(this.values.stream().map((value) -> value.map(function::applyAsDouble)).toList());
	}

	Rounds dividedBy(Rounds other) {
		return combine(other, (value, divisor) -> value / divisor);
	}

	Rounds minus(Rounds other) {
		return combine(other, (value, subtrahend) -> value - subtrahend);
	}

	String millis() {
		return format("%.2f ms", "%.2f");
	}

	String count() {
		return format("%.0f", "%.0f");
	}

	String decimal() {
		return format("%.1f", "%.1f");
	}

	String ratio() {
		return format("%.2f", "%.2f");
	}

	/**
	 * The median ratio and whether it meets a target.
	 * @param target the target
	 * @param atLeast whether the ratio must be at least the target, else at most
	 * @return the text
	 */
	String verdict(double target, boolean atLeast) {
		return verdict(ratio(), target, atLeast);
	}

	/**
	 * The median milliseconds added and whether they stay within a target.
	 * @param targetMillis the most milliseconds allowed
	 * @return the text
	 */
	String added(double targetMillis) {
		return verdict(format("%.0f ms", "%.0f"), targetMillis, false);
	}

	/**
	 * The highest value of any round.
	 * @return the text
	 */
	String most() {
		List<Double> present = present();
		return present.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", present.get(present.size() - 1));
	}

	private String verdict(String text, double target, boolean atLeast) {
		List<Double> present = present();
		if (present.isEmpty()) {
			return "-";
		}
		double median = median(present);
		boolean met = atLeast ? median >= target : median <= target;
		return text + ", " + (met ? "met" : "missed");
	}

	private Rounds combine(Rounds other, DoubleBinaryOperator operator) {
		List<Optional<Double>> combined = new ArrayList<>();
		for (int i = 0; i < Math.min(this.values.size(), other.values.size()); i++) {
			Optional<Double> right = other.values.get(i);
			combined.add(this.values.get(i).flatMap((left) -> right.map((value) -> operator.applyAsDouble(left, value))));
		}
		return new Rounds(combined);
	}

	private String format(String median, String bound) {
		List<Double> present = present();
		if (present.isEmpty()) {
			return "-";
		}
		return String.format(Locale.ROOT, median + " [" + bound + "–" + bound + "]", median(present), present.get(0),
				present.get(present.size() - 1));
	}

	private List<Double> present() {
		return this.values.stream().flatMap(Optional::stream).sorted().toList();
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
