# epoch_of_date(YYYY-MM-DD OUT): the Unix time of that day's midnight UTC (CMake can format a
# time but not parse a date). Days from 1970-01-01 by the proleptic Gregorian calendar, counted
# from a year that starts in March so the leap day comes last.
function(epoch_of_date date out)
  string(REGEX MATCH "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$" matched "${date}")
  if(NOT matched)
    message(FATAL_ERROR "epoch_of_date: ${date} is not YYYY-MM-DD")
  endif()
  math(EXPR year "${CMAKE_MATCH_1}")
  math(EXPR month "${CMAKE_MATCH_2}") # math() reads "08" as decimal, not octal
  math(EXPR day "${CMAKE_MATCH_3}")
  if(month LESS_EQUAL 2)
    math(EXPR year "${year} - 1")
    math(EXPR month "${month} + 9")
  else()
    math(EXPR month "${month} - 3")
  endif()
  math(EXPR dayOfYear "(153 * ${month} + 2) / 5 + ${day} - 1")
  math(EXPR days "${year} * 365 + ${year} / 4 - ${year} / 100 + ${year} / 400 + ${dayOfYear} - 719468")
  math(EXPR seconds "${days} * 86400")
  set(${out} ${seconds} PARENT_SCOPE)
endfunction()
