package org.signkit.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** How Adam's learning rate changes over the epochs ({@code --schedule}, {@code training.schedule}). */
public enum LearningRateSchedule {
    /** The initial rate throughout. */
    CONSTANT,
    /** Halved every {@code max(1, epochs / 4)} epochs. */
    STEP,
    /** Times 0.9 per epoch. */
    EXPONENTIAL;

    /** The lower-case name used on the command line and in files. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(LearningRateSchedule::id).toList();
    }

    /** Parses {@code constant}, {@code step} or {@code exponential}. */
    @JsonCreator
    public static LearningRateSchedule parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown schedule '" + s + "'; choose one of " + ids(), e);
        }
    }

    /** Adam from {@code learningRate} on this schedule over {@code epochs} epochs. */
    public IUpdater adam(double learningRate, int epochs) {
        return switch (this) {
            case CONSTANT -> new Adam(learningRate);
            case STEP -> new Adam(new StepSchedule(ScheduleType.EPOCH, learningRate, 0.5, Math.max(1, epochs / 4)));
            case EXPONENTIAL -> new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, 0.9));
        };
    }
}
