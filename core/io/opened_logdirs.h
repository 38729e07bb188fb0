#pragma once
// What a user opened (command-line arguments, dropped paths) as logdir specs, the app and
// lantern-cli alike: each as it is, except an event file, which opens the folder
// holding it, named after that folder: else its run would be called ".", TensorBoard's name for
// a logdir's root run, which says nothing of the file opened. A file whose folder is itself
// among the logdirs opened is that logdir's root run and stays "."; its spec is left out, as
// are repeats.

#include <string>
#include <vector>

namespace lantern::core {

std::vector<std::string> openedLogdirSpecs(const std::vector<std::string>& arguments);

} // namespace lantern::core
