#pragma once
// What a user opened (command-line arguments, dropped paths) as logdir specs, the app and
// lantern-cli alike: each as it is, except an event file, which opens the folder
// holding it, named after that folder: else its run would be called ".", TensorBoard's name for
// a logdir's root run, which says nothing of the file opened. A file whose folder is itself
// among the logdirs opened is that logdir's root run and stays "."; its spec is left out, as
// are repeats.

#include <filesystem>
#include <string>
#include <vector>

namespace lantern::core {

// "NAME:FOLDER", NAME the folder's own name, so that its runs are listed under it; the folder
// alone when its name cannot name a group (the file system's root, or a name parseLogdirSpec
// would split at its colon).
std::string namedFolderSpec(const std::filesystem::path& folder);

std::vector<std::string> openedLogdirSpecs(const std::vector<std::string>& arguments);

} // namespace lantern::core
