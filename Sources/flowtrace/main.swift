import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// A closed output pipe (`flowtrace scan | head`) must end the program quietly, not kill it.
signal(SIGPIPE, SIG_IGN)
ExitStatus.run(Flowtrace.self)
