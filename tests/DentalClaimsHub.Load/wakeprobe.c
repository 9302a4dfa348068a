/*
 * How late the machine wakes a sleeping process: sleeps 1 ms, again and again for the given seconds, and prints the
 * percentiles of how much later than asked each sleep ended. The load benchmark runs it beside each phase at the hub's
 * priority (NICE, the hub's nice value: the load program that starts it runs at a lower one and would pass that on), so
 * the share of the hub's tail that is the machine's scheduling, not the hub's code, shows.
 * Usage: wakeprobe SECONDS [NICE]. Output, one line: "wakeups N late_ms p50 P p90 P p99 P p999 P max P nice N" (the nice
 * value it ran at: raising its priority needs the right to, and without it the probe runs at the one it was given).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double ms_between(const struct timespec *from, const struct timespec *to)
{
    return (double)(to->tv_sec - from->tv_sec) * 1e3 + (double)(to->tv_nsec - from->tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 10.0;
    if (seconds <= 0) {
        fprintf(stderr, "usage: wakeprobe SECONDS [NICE]\n");
        return 2;
    }

    if (argc > 2 && setpriority(PRIO_PROCESS, 0, atoi(argv[2])) != 0) {
        perror("wakeprobe: setpriority");
    }

    int nice = getpriority(PRIO_PROCESS, 0);

    size_t capacity = (size_t)(seconds * 1000.0) + 16, count = 0;
    double *late = malloc(capacity * sizeof *late);
    if (late == NULL) {
        return 1;
    }

    const struct timespec nap = {0, 1000000};
    struct timespec start, before, after;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        clock_gettime(CLOCK_MONOTONIC, &before);
        nanosleep(&nap, NULL);
        clock_gettime(CLOCK_MONOTONIC, &after);
        late[count++] = ms_between(&before, &after) - 1.0;
    } while (count < capacity && ms_between(&start, &after) < seconds * 1e3);

    qsort(late, count, sizeof *late, by_value);
    printf("wakeups %zu late_ms p50 %.3f p90 %.3f p99 %.3f p999 %.3f max %.3f nice %d\n", count, late[count / 2],
           late[count * 9 / 10], late[count * 99 / 100], late[count * 999 / 1000], late[count - 1], nice);
    free(late);
    return 0;
}
