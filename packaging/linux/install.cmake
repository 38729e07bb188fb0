# What a Linux desktop needs besides the binaries: the desktop entry (Exec=lantern %F for
# folders and event files), the event files' MIME type, AppStream metadata for software
# centres, hicolor icons rendered from the SVG, and man pages made from the programs' --help.

# The release date of PROJECT_VERSION, for AppStream: change both together.
set(LANTERN_RELEASE_DATE "2026-11-27")
# AppStream wants screenshots as web addresses. The project has no website but its repository:
# docs/screenshots holds the pictures the README shows, published under this address.
set(LANTERN_SCREENSHOT_BASE_URL "${PROJECT_HOMEPAGE_URL}/docs/screenshots" CACHE STRING
    "Web address of docs/screenshots, for the AppStream metadata")
configure_file(linux/lantern.metainfo.xml.in
               ${CMAKE_CURRENT_BINARY_DIR}/${LANTERN_APP_ID}.metainfo.xml @ONLY)

install(FILES linux/lantern.desktop DESTINATION share/applications)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${LANTERN_APP_ID}.metainfo.xml
        DESTINATION share/metainfo)
install(FILES linux/lantern-mime.xml DESTINATION share/mime/packages RENAME lantern.xml)

set(LANTERN_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/lantern.svg)
set(icon_sizes 16 24 32 48 64 128 256 512)
set(icon_root ${CMAKE_CURRENT_BINARY_DIR}/hicolor)
set(icon_files "")
foreach(size IN LISTS icon_sizes)
  list(APPEND icon_files ${icon_root}/${size}x${size}/apps/lantern.png)
endforeach()
add_custom_command(OUTPUT ${icon_files}
  COMMAND lantern-render-icons ${LANTERN_ICON_SVG} png ${icon_root} ${icon_sizes}
  DEPENDS lantern-render-icons ${LANTERN_ICON_SVG}
  COMMENT "Rendering the hicolor icons from the SVG" VERBATIM)
add_custom_target(lantern_hicolor_icons ALL DEPENDS ${icon_files})
install(DIRECTORY ${icon_root}/ DESTINATION share/icons/hicolor)
install(FILES ${LANTERN_ICON_SVG} DESTINATION share/icons/hicolor/scalable/apps)

# lantern(1) and lantern-cli(1), gzipped as Debian ships them. help2man reads each program's
# --help (neither needs a display for it). The pages are dated by SOURCE_DATE_EPOCH when the
# build sets it, else by the release date above, so two builds write the same bytes.
find_program(LANTERN_HELP2MAN help2man)
find_program(LANTERN_GZIP gzip)
if(LANTERN_HELP2MAN AND LANTERN_GZIP)
  if(DEFINED ENV{SOURCE_DATE_EPOCH})
    set(LANTERN_MAN_EPOCH $ENV{SOURCE_DATE_EPOCH})
  else()
    include(${CMAKE_CURRENT_SOURCE_DIR}/linux/epoch_of_date.cmake)
    epoch_of_date(${LANTERN_RELEASE_DATE} LANTERN_MAN_EPOCH)
  endif()
  set(man_pages "")
  set(programs lantern lantern-cli)
  set(summaries "desktop viewer for TensorBoard logs"
                "inspect, export and generate TensorBoard logs")
  foreach(program summary IN ZIP_LISTS programs summaries)
    set(page ${CMAKE_CURRENT_BINARY_DIR}/man/${program}.1)
    add_custom_command(OUTPUT ${page}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${LANTERN_HELP2MAN} -DGZIP=${LANTERN_GZIP}
              -DPROGRAM=$<TARGET_FILE:${program}> -DNAME=${summary} -DVERSION=${PROJECT_VERSION}
              -DEPOCH=${LANTERN_MAN_EPOCH} -DPAGE=${page}
              -P ${CMAKE_CURRENT_SOURCE_DIR}/linux/man_page.cmake
      DEPENDS ${program} ${CMAKE_CURRENT_SOURCE_DIR}/linux/man_page.cmake
      COMMENT "Writing ${program}(1) from its --help" VERBATIM)
    list(APPEND man_pages ${page}.gz)
  endforeach()
  add_custom_target(lantern_man_pages ALL DEPENDS ${man_pages})
  if(LANTERN_BUILD_TESTS)
    list(GET summaries 1 cli_summary)
    add_test(NAME test_man_pages COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${LANTERN_HELP2MAN}
             -DGZIP=${LANTERN_GZIP} -DPROGRAM=$<TARGET_FILE:lantern-cli>
             "-DNAME=${cli_summary}" -DVERSION=${PROJECT_VERSION}
             -DEPOCH=${LANTERN_MAN_EPOCH} -DBUILT=${CMAKE_CURRENT_BINARY_DIR}/man/lantern-cli.1.gz
             -DSCRIPT=${CMAKE_CURRENT_SOURCE_DIR}/linux/man_page.cmake
             -DWORK=${CMAKE_CURRENT_BINARY_DIR}/man-test
             -P ${PROJECT_SOURCE_DIR}/tests/packaging/test_man_pages.cmake)
    set_tests_properties(test_man_pages PROPERTIES TIMEOUT 60 LABELS packaging)
  endif()
  install(FILES ${man_pages} DESTINATION share/man/man1)
else()
  message(STATUS "help2man or gzip not found: no man pages (./dev installs help2man)")
endif()
