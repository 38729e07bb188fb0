# A configuration check of the Windows installer and the macOS disk image, as CPack would read
# them on those hosts: CPackConfig.cmake (written by packaging/CMakeLists.txt at configure time,
# on every host) is loaded and its NSIS and DragNDrop settings checked. makensis and hdiutil
# are not at hand here, so nothing is built or run: this catches what the configuration says.
#   cmake -DCONFIG=<build>/CPackConfig.cmake -P check_installer_config.cmake
cmake_minimum_required(VERSION 3.25)
include(${CONFIG})
set(problems "")
function(problem text) # a function: a macro would read the backslashes in `text` as escapes
  list(APPEND problems "${text}")
  set(problems "${problems}" PARENT_SCOPE)
endfunction()

# Start menu: CPack's NSIS makes a shortcut per (executable, label) pair, to bin/<executable>.exe.
if(NOT CPACK_PACKAGE_EXECUTABLES STREQUAL "lantern;Lantern")
  problem("no Start-menu shortcut 'Lantern' to bin/lantern.exe: '${CPACK_PACKAGE_EXECUTABLES}'")
endif()
if(NOT CPACK_NSIS_MUI_ICON MATCHES "\\.ico$" OR NOT CPACK_NSIS_MUI_UNIICON MATCHES "\\.ico$")
  problem("the installer's icons are not .ico files: ${CPACK_NSIS_MUI_ICON}")
endif()

# Explorer's "Open with Lantern": each verb's key, its label, icon and command, every line an
# NSIS instruction with its arguments quoted, and each key removed again on uninstall.
string(REPLACE "\n" ";" install_lines "${CPACK_NSIS_EXTRA_INSTALL_COMMANDS}")
string(REPLACE "\n" ";" uninstall_lines "${CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS}")
set(quoted "'[^']*'")
foreach(line IN LISTS install_lines uninstall_lines)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^WriteRegStr SHCTX ${quoted} ${quoted} ${quoted}$"
     AND NOT line MATCHES "^DeleteRegKey SHCTX ${quoted}$")
    problem("not a WriteRegStr or DeleteRegKey of SHCTX with quoted arguments: ${line}")
  endif()
endforeach()
set(exe [[$INSTDIR\bin\lantern.exe]])
set(verbs [[Software\Classes\Directory\shell\Lantern]]
          [[Software\Classes\Directory\Background\shell\Lantern]])
set(arguments "%1" "%V") # the folder clicked; the folder whose background was clicked
foreach(verb argument IN ZIP_LISTS verbs arguments)
  set(wanted "WriteRegStr SHCTX '${verb}' '' 'Open with Lantern'"
             "WriteRegStr SHCTX '${verb}' 'Icon' '${exe}'"
             "WriteRegStr SHCTX '${verb}\\command' '' '\"${exe}\" \"${argument}\"'")
  foreach(line IN LISTS wanted)
    if(NOT line IN_LIST install_lines)
      problem("the installer does not run: ${line}")
    endif()
  endforeach()
  if(NOT "DeleteRegKey SHCTX '${verb}'" IN_LIST uninstall_lines)
    problem("the uninstaller leaves ${verb} behind")
  endif()
endforeach()

# The disk image: Lantern.app beside a link to /Applications, laid out by the Finder script.
if(CPACK_DMG_DISABLE_APPLICATIONS_SYMLINK)
  problem("the disk image has no link to /Applications")
endif()
if(NOT EXISTS "${CPACK_DMG_DS_STORE_SETUP_SCRIPT}")
  problem("the Finder layout script is missing: ${CPACK_DMG_DS_STORE_SETUP_SCRIPT}")
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "installer configuration:\n  ${text}")
endif()
list(REMOVE_ITEM install_lines "")
list(LENGTH install_lines count)
message(STATUS "NSIS: ${count} registry lines for 2 folder verbs, each undone; DMG settings ok")
