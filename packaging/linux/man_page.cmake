# cmake -P script: one man page from a program's --help, gzipped, with the same bytes on every
# build. help2man dates the page by SOURCE_DATE_EPOCH; the C locale keeps the month in English
# and gzip -n stores no file name or time.
# In: HELP2MAN, GZIP, PROGRAM (the binary), NAME (one-line summary), VERSION, EPOCH, PAGE (the .1).
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${EPOCH} LC_ALL=C LANGUAGE= TZ=UTC
          ${HELP2MAN} --no-info --version-string=${VERSION} --name=${NAME} --output=${PAGE}
          ${PROGRAM}
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "help2man could not write ${PAGE} from ${PROGRAM} --help")
endif()
execute_process(COMMAND ${GZIP} -9nf ${PAGE} RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "gzip could not compress ${PAGE}")
endif()
