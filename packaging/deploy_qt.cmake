# Qt's deployment tools copy Qt's libraries and plugins next to the app when it is installed
# (and so into the .dmg or the installer). Linux packages depend on the system's Qt instead.
get_target_property(qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(qt_bin "${qmake}" DIRECTORY)
if(APPLE)
  find_program(LANTERN_MACDEPLOYQT macdeployqt HINTS ${qt_bin})
  if(LANTERN_MACDEPLOYQT)
    install(CODE "execute_process(COMMAND \"${LANTERN_MACDEPLOYQT}\"
      \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/$<TARGET_FILE_NAME:lantern>.app\" -always-overwrite
      COMMAND_ERROR_IS_FATAL ANY)")
  else()
    message(STATUS "macdeployqt not found: Lantern.app will use the Qt it was built with")
  endif()
elseif(WIN32)
  find_program(LANTERN_WINDEPLOYQT windeployqt HINTS ${qt_bin})
  if(LANTERN_WINDEPLOYQT)
    install(CODE "execute_process(COMMAND \"${LANTERN_WINDEPLOYQT}\" --no-translations
      \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/$<TARGET_FILE_NAME:lantern>\"
      COMMAND_ERROR_IS_FATAL ANY)")
  else()
    message(STATUS "windeployqt not found: the installer will lack Qt's DLLs")
  endif()
endif()
