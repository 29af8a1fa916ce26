// HDF5 1.10 can crash (not fail) on a damaged or hostile file: fuzzing found frees of bad
// pointers in its group and heap decoding. Before a results file is opened, a forked child walks
// its whole structure the way the readers do (every group's names, every object's attributes,
// every small contiguous dataset's values, each chunked one's chunk index and first chunk, every
// table with text whole; each object once, however many links lead to it); a
// child that dies, hangs or takes too much memory marks the file as damaged, an InputError naming
// it, and the reading process is never at risk. A file that passed is remembered (by path and
// twin::FileStamp) for the rest of the process.
#pragma once

#include <string>

namespace twin {

// Throws InputError when walking `path`'s structure crashes, takes 0.5 s of processor time without
// a step forward (10 s of wall time), more than 2 s and 2 s per MiB of the file in all (ten times
// that in wall time), or more
// memory than 256 MiB and 4 bytes per byte of the file beyond what the process had.
void probeResultsFile(const std::string& path);

// Marks `path`, as it is now, as passed without walking it: for a file this process has just
// written through HDF5 and committed (ResultsWriter::commit), whose structure is its own.
void trustResultsFile(const std::string& path);

// Frees HDF5's free lists and consolidates the heap, so that glibc's checks of its chunks find
// damage HDF5 did to this process's heap now, not inputs later (the probe's child before it
// exits; the results fuzz harness after each input). Not H5close: in a forked child it would
// flush the parent's files open for writing.
void checkHeapAfterHdf5();

}  // namespace twin
