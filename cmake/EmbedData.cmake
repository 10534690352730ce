# Embeds a data file into the library as a byte array, so the built-in plan and framework need
# no files at run time. The generated source defines
#   extern "C++" const unsigned char SYMBOL[]; extern const std::size_t SYMBOL_size;
# and is regenerated whenever the data file changes.
function(dtiplan_embed_file)
  cmake_parse_arguments(ARG "" "INPUT;OUTPUT;SYMBOL" "" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${ARG_INPUT} -DOUTPUT=${ARG_OUTPUT} -DSYMBOL=${ARG_SYMBOL}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedDataScript.cmake
    DEPENDS ${ARG_INPUT} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedDataScript.cmake
    COMMENT "Embedding ${ARG_INPUT}"
    VERBATIM)
endfunction()
