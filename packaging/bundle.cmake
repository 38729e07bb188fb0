# Makes the `lantern` target a desktop app on macOS (Lantern.app with its Info.plist and an
# .icns) and on Windows (no console window, an .ico and a version resource). Included by
# app/CMakeLists.txt, where the target lives, so the icons generated here are its sources.
# These hosts are configured, not built, on the Linux machines Lantern is tested on.
set(LANTERN_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/lantern.svg)
# The Info.plist is written on every host, so tests/packaging/check_info_plist.py can read it
# where no Mac is at hand.
set(LANTERN_BUNDLE_EXECUTABLE Lantern)
configure_file(${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in
               ${CMAKE_CURRENT_BINARY_DIR}/Info.plist @ONLY)
if(APPLE)
  set(icns ${CMAKE_CURRENT_BINARY_DIR}/lantern.icns)
  add_custom_command(OUTPUT ${icns}
    COMMAND lantern-render-icons ${LANTERN_ICON_SVG} icns ${icns}
    DEPENDS lantern-render-icons ${LANTERN_ICON_SVG}
    COMMENT "Rendering lantern.icns from the SVG" VERBATIM)
  set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
  target_sources(lantern PRIVATE ${icns})
  set_target_properties(lantern PROPERTIES MACOSX_BUNDLE TRUE
    OUTPUT_NAME ${LANTERN_BUNDLE_EXECUTABLE}
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_BINARY_DIR}/Info.plist)
elseif(WIN32)
  # packaging/CMakeLists.txt gives this file to the NSIS installer too.
  set(LANTERN_ICO_FILE ${CMAKE_CURRENT_BINARY_DIR}/lantern.ico)
  # The tool finds Qt's DLLs only with Qt's bin folder on PATH.
  get_target_property(qmake Qt6::qmake IMPORTED_LOCATION)
  get_filename_component(qt_bin "${qmake}" DIRECTORY)
  add_custom_command(OUTPUT ${LANTERN_ICO_FILE}
    COMMAND ${CMAKE_COMMAND} -E env --modify PATH=path_list_prepend:${qt_bin}
            $<TARGET_FILE:lantern-render-icons> ${LANTERN_ICON_SVG} ico ${LANTERN_ICO_FILE}
    DEPENDS lantern-render-icons ${LANTERN_ICON_SVG}
    COMMENT "Rendering lantern.ico from the SVG" VERBATIM)
  set(rc ${CMAKE_CURRENT_BINARY_DIR}/lantern.rc)
  configure_file(${PROJECT_SOURCE_DIR}/packaging/windows/lantern.rc.in ${rc} @ONLY)
  set_source_files_properties(${rc} PROPERTIES OBJECT_DEPENDS ${LANTERN_ICO_FILE})
  target_sources(lantern PRIVATE ${rc} ${LANTERN_ICO_FILE})
  set_target_properties(lantern PROPERTIES WIN32_EXECUTABLE TRUE)
endif()
