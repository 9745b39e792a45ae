# Helpers of the CLI tests that run the tool on small datasets written on the spot (included by
# bad_input.cmake and load_guards.cmake; TOOL must be set).

# Runs the tool with ARGN and requires exit `expected_rc`, nothing on stdout and exactly one line
# "marketshock: error: ..." on stderr that contains `expected_text`.
function(expect_failure expected_rc expected_text)
  # A timeout fails the test instead of hanging it (a reader blocked on a FIFO).
  execute_process(COMMAND ${TOOL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 60)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "'${ARGN}': expected exit ${expected_rc}, got ${rc}\nstderr: ${err}")
  endif()
  if(NOT out STREQUAL "")
    message(FATAL_ERROR "'${ARGN}': wrote to stdout on failure: ${out}")
  endif()
  string(REGEX MATCHALL "\n" lines "${err}")
  list(LENGTH lines n)
  if(NOT n EQUAL 1 OR NOT err MATCHES "^marketshock: error: ")
    message(FATAL_ERROR "'${ARGN}': expected one 'marketshock: error:' line on stderr, got ${n}: ${err}")
  endif()
  string(FIND "${err}" "${expected_text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "'${ARGN}': stderr lacks '${expected_text}': ${err}")
  endif()
endfunction()

set(tables issuers.csv securities.csv bars.csv corporate_actions.csv shares.csv
           index_membership.csv index_levels.csv)

# Records every table's SHA-256 and row count in DIR/manifest.json, as the dataset writer does.
function(write_manifest dir membership_id)
  set(entries "")
  foreach(table IN LISTS tables)
    file(SHA256 ${dir}/${table} sum)
    # Rows: line ends after the header's (file(STRINGS) would drop lines with control bytes).
    file(READ ${dir}/${table} text)
    string(LENGTH "${text}" with)
    string(REPLACE "\n" "" text "${text}")
    string(LENGTH "${text}" without)
    math(EXPR rows "${with} - ${without} - 1")
    if(entries)
      string(APPEND entries ",\n")
    endif()
    string(APPEND entries "    \"${table}\": {\"rows\": ${rows}, \"sha256\": \"${sum}\"}")
  endforeach()
  file(WRITE ${dir}/manifest.json
"{
  \"format\": \"marketshock-dataset\",
  \"format_version\": 1,
  \"name\": \"bad-input\",
  \"description\": \"one security, two sessions\",
  \"as_of\": \"2025-01-27\",
  \"window\": {\"from\": \"2025-01-24\", \"to\": \"2025-01-27\"},
  \"sources\": [{\"id\": \"test\", \"repository\": \"none/none\", \"commit\": \"0\", \"licence\": \"\", \"description\": \"hand-written\"}],
  \"index_levels\": {},
  \"memberships\": {\"${membership_id}\": \"Test index\"},
  \"notes\": [],
  \"tables\": {
${entries}
  }
}
")
endfunction()

# A valid dataset in DIR: NVDA with bars on 2025-01-24 and 2025-01-27, one share count, and a
# membership `membership_id` ("ndx100" makes `dataset check` fail: it expects 101 members).
function(make_dataset dir membership_id)
  file(REMOVE_RECURSE ${dir})
  file(MAKE_DIRECTORY ${dir})
  file(WRITE ${dir}/issuers.csv "issuer,name,cik\ncik-1045810,NVIDIA Corporation,1045810\n")
  file(WRITE ${dir}/securities.csv
       "symbol,issuer,share_class,name,exchange,gics_sector,gics_industry,price_basis,"
       "price_basis_as_of,price_source,price_flagged,price_note\n"
       "NVDA,cik-1045810,,NVIDIA Corporation,Nasdaq,Information Technology,Semiconductors,"
       "as_traded,,test,0,\n")
  file(WRITE ${dir}/bars.csv "symbol,date,open,high,low,close,volume\n"
                             "NVDA,2025-01-24,148.37,148.97,141.88,142.62,234657600\n"
                             "NVDA,2025-01-27,124.8,128.4,116.7,118.42,818830900\n")
  file(WRITE ${dir}/corporate_actions.csv "symbol,kind,date,earliest_after,value,source\n")
  file(WRITE ${dir}/shares.csv
       "symbol,effective_date,shares,reported_shares,split_factor,measure,source,reference\n"
       "NVDA,2024-11-15,24490000000,24490000000,1,cover-page count,test,0001045810-24-000316\n")
  file(WRITE ${dir}/index_membership.csv "index,symbol,start,end\n${membership_id},NVDA,2001-01-02,\n")
  file(WRITE ${dir}/index_levels.csv "index,date,open,high,low,close,volume\n")
  write_manifest(${dir} ${membership_id})
endfunction()

