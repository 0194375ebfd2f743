# Fails when a user-visible string has no Spanish translation. It first refreshes a copy of the
# .ts file from the current sources with lupdate (so a new tr() string that nobody extracted
# also fails), then looks for unfinished entries.
# Variables: TS_FILE, LUPDATE, SOURCE_DIRS (;-list), WORK_DIR.
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${name}")
configure_file("${TS_FILE}" "${copy}" COPYONLY)
execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none -extensions cpp,h ${SOURCE_DIRS} -ts "${copy}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()
file(READ "${copy}" content)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" unfinished "${content}")
list(LENGTH unfinished count)
if(count GREATER 0)
  message(FATAL_ERROR "${TS_FILE}: ${count} untranslated string(s):\n${unfinished}\n"
                      "Run: cmake --build build --target update_translations && scripts/translate-es.py")
endif()
string(REGEX MATCHALL "<message>" messages "${content}")
list(LENGTH messages total)
message(STATUS "${TS_FILE}: ${total} strings, all translated")
