# cmake -P test: the man pages are reproducible. Writing a page twice, the second time in
# another time zone and locale, gives the bytes the build wrote; the page is dated by the
# epoch it is given (the release date unless SOURCE_DATE_EPOCH is set), not by the clock.
# In: HELP2MAN, GZIP, PROGRAM, NAME, VERSION, EPOCH, BUILT (the build's .1.gz), SCRIPT
# (packaging/linux/man_page.cmake), WORK (a scratch folder).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/first ${WORK}/second ${WORK}/epoch0)
set(common -DHELP2MAN=${HELP2MAN} -DGZIP=${GZIP} -DPROGRAM=${PROGRAM} -DNAME=${NAME}
    -DVERSION=${VERSION})
execute_process(COMMAND ${CMAKE_COMMAND} ${common} -DEPOCH=${EPOCH} -DPAGE=${WORK}/first/page.1
                        -P ${SCRIPT} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} -E env TZ=Pacific/Kiritimati LANG=de_DE.UTF-8
                        LC_TIME=fr_FR.UTF-8 ${CMAKE_COMMAND} ${common} -DEPOCH=${EPOCH}
                        -DPAGE=${WORK}/second/page.1 -P ${SCRIPT} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} ${common} -DEPOCH=0 -DPAGE=${WORK}/epoch0/page.1
                        -P ${SCRIPT} COMMAND_ERROR_IS_FATAL ANY)

foreach(other ${WORK}/second/page.1.gz ${BUILT})
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/first/page.1.gz ${other}
                  RESULT_VARIABLE differs)
  if(differs)
    message(FATAL_ERROR "${other} differs from ${WORK}/first/page.1.gz: not reproducible")
  endif()
endforeach()

# The .TH line carries the month and year of the epoch.
function(check_date page epoch)
  execute_process(COMMAND ${GZIP} -dc ${page} OUTPUT_VARIABLE text COMMAND_ERROR_IS_FATAL ANY)
  set(ENV{SOURCE_DATE_EPOCH} ${epoch}) # string(TIMESTAMP) formats this time, not the clock's
  string(TIMESTAMP expected "%B %Y" UTC)
  string(REGEX MATCH "\n\\.TH [^\n]*" header "\n${text}")
  string(STRIP "${header}" header)
  if(NOT header MATCHES "\"${expected}\"")
    message(FATAL_ERROR "${page}: expected the date \"${expected}\" in: ${header}")
  endif()
  message(STATUS "${page}: ${header}")
endfunction()
check_date(${WORK}/first/page.1.gz ${EPOCH})
check_date(${WORK}/epoch0/page.1.gz 0)
