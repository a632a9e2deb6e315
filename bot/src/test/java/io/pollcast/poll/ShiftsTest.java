package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Shift;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shift arithmetic of a debate, as properties over pair matrices generated from a fixed seed
 * (each property draws its own budget of cases, so a failure names the seed and the case), plus the
 * dead heat at exactly 5 points and a thesis nobody voted on twice.
 */
final class ShiftsTest {
  private static final long SEED = 0x5EED16L;
  private static final int BUDGET = 400;
  private static final List<String> FIVE = List.of("A", "B", "C", "D", "E");

  @Test
  void pointsAddUpToZeroAndVotersCountEveryPairOnce() {
    Random random = new Random(SEED);
    for (int i = 0; i < BUDGET; i++) {
      List<String> labels = labels(random);
      int[][] pairs = pairs(random, labels.size(), true);
      Shift shift = Shifts.of(labels, pairs);

      assertThat(shift.voters()).as("case %d of seed %x", i, SEED).isEqualTo(sum(pairs));
      assertThat(shift.options().stream().mapToInt(OptionShift::points).sum())
          .as("case %d of seed %x", i, SEED)
          .isZero();
      assertThat(shift.options()).extracting(OptionShift::label).containsExactlyElementsOf(labels);
    }
  }

  @Test
  void eachOptionMovesByItsExactShareChangeWithinRounding() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < BUDGET; i++) {
      List<String> labels = labels(random);
      int[][] pairs = pairs(random, labels.size(), true);
      Shift shift = Shifts.of(labels, pairs);
      int voters = sum(pairs);
      for (int option = 0; option < labels.size(); option++) {
        int before = 0;
        int after = 0;
        for (int other = 0; other < labels.size(); other++) {
          before += pairs[option][other];
          after += pairs[other][option];
        }
        double exact = 100.0 * (after - before) / voters;
        assertThat((double) shift.options().get(option).points())
            .as("option %d, case %d of seed %x", option, i, SEED + 1)
            .isBetween(exact - 2, exact + 2);
      }
    }
  }

  @Test
  void nobodyChangingTheirMindIsADeadHeatWithNoPointsAtAll() {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < BUDGET; i++) {
      List<String> labels = labels(random);
      int[][] pairs = new int[labels.size()][labels.size()];
      for (int option = 0; option < labels.size(); option++) {
        pairs[option][option] = 1 + random.nextInt(30);
      }
      Shift shift = Shifts.of(labels, pairs);

      assertThat(shift.options()).allMatch(o -> o.points() == 0);
      assertThat(shift.mover()).isEmpty();
      assertThat(shift.deadHeat()).isTrue();
    }
  }

  @Test
  void theMoverIsTheOneOptionThatGainedMostAndAtLeastFivePoints() {
    Random random = new Random(SEED + 3);
    for (int i = 0; i < BUDGET; i++) {
      List<String> labels = labels(random);
      Shift shift = Shifts.of(labels, pairs(random, labels.size(), true));
      int best = shift.options().stream().mapToInt(OptionShift::points).max().orElseThrow();
      long atBest = shift.options().stream().filter(o -> o.points() == best).count();
      Optional<OptionShift> expected =
          best >= Shift.DEAD_HEAT_POINTS && atBest == 1
              ? shift.options().stream().filter(o -> o.points() == best).findFirst()
              : Optional.empty();

      assertThat(shift.mover()).as("case %d of seed %x", i, SEED + 3).isEqualTo(expected);
      assertThat(shift.deadHeat()).isEqualTo(expected.isEmpty());
    }
  }

  @Test
  void fivePointsMoveTheMostMindsAndFourAreADeadHeat() {
    // 20 members: 10 agree and 10 disagree before; one of the disagreeing comes round: +5
    int[][] five = {{10, 0}, {1, 9}};
    // 25 members: 12 and 13 before; one comes round: 52% from 48%, +4
    int[][] four = {{12, 0}, {1, 12}};

    Shift gained = Shifts.of(List.of("Eens", "Oneens"), five);
    Shift heat = Shifts.of(List.of("Eens", "Oneens"), four);

    assertThat(gained.options())
        .containsExactly(new OptionShift("Eens", 5), new OptionShift("Oneens", -5));
    assertThat(gained.mover()).contains(new OptionShift("Eens", 5));
    assertThat(heat.options())
        .containsExactly(new OptionShift("Eens", 4), new OptionShift("Oneens", -4));
    assertThat(heat.mover()).isEmpty();
    assertThat(heat.deadHeat()).isTrue();
  }

  @Test
  void aThesisNobodyVotedOnTwiceHasNoShiftAndNoDeadHeat() {
    Random random = new Random(SEED + 4);
    for (int i = 0; i < 20; i++) {
      List<String> labels = labels(random);
      Shift shift = Shifts.of(labels, new int[labels.size()][labels.size()]);

      assertThat(shift.voters()).isZero();
      assertThat(shift.options()).allMatch(o -> o.points() == 0);
      assertThat(shift.mover()).isEmpty();
      assertThat(shift.deadHeat()).isFalse();
    }
  }

  private static List<String> labels(Random random) {
    return FIVE.subList(0, 2 + random.nextInt(4));
  }

  /** A random matrix of pairs; with {@code someone}, at least one member voted twice. */
  private static int[][] pairs(Random random, int size, boolean someone) {
    int[][] pairs = new int[size][size];
    int spread = 1 + random.nextInt(60);
    for (int b = 0; b < size; b++) {
      for (int a = 0; a < size; a++) {
        pairs[b][a] = random.nextInt(3) == 0 ? 0 : random.nextInt(spread);
      }
    }
    if (someone && sum(pairs) == 0) {
      pairs[random.nextInt(size)][random.nextInt(size)] = 1;
    }
    return pairs;
  }

  private static int sum(int[][] pairs) {
    int total = 0;
    for (int[] row : pairs) {
      for (int n : row) {
        total += n;
      }
    }
    return total;
  }
}
