#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// CPU time of the calling thread, in seconds. Performance tests measure this rather than
/// wall-clock time, which grows whenever other processes compete for the machine's cores.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
