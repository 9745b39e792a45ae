# cmake -DPYTHON=python3 -DSCRIPT=deepseek_records.py -DOUT=chart.png -P run_example.cmake
# Runs the Python example and fails unless it exits 0, prints NVIDIA's 2025-01-27 record at the
# top of the table, and writes a PNG of a real chart (signature, size, pixels that vary).
file(REMOVE ${OUT})
execute_process(COMMAND ${PYTHON} ${SCRIPT} --out ${OUT}
                RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
message("${stdout}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "example exited with ${status}:\n${stderr}")
endif()
if(NOT stdout MATCHES "\n *1 +NVDA +2025-01-27")
  message(FATAL_ERROR "the record table does not start with NVDA 2025-01-27")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "no chart written to ${OUT}")
endif()
file(SIZE ${OUT} size)
file(READ ${OUT} signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a" OR size LESS 20000)
  message(FATAL_ERROR "${OUT} is not a PNG chart (${size} bytes, starts ${signature})")
endif()
# A blank or single-colour image has no spread of pixel values; a chart with axes, a line and
# labels has plenty.
execute_process(
  COMMAND ${PYTHON} -c
          "import sys, matplotlib.image as im; a = im.imread(sys.argv[1]); print(a.shape, float(a.std())); sys.exit(0 if a.shape[0] >= 300 and a.shape[1] >= 400 and a.std() > 0.02 else 1)"
          ${OUT}
  RESULT_VARIABLE status OUTPUT_VARIABLE pixels ERROR_VARIABLE stderr)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${OUT} looks blank or tiny: ${pixels}${stderr}")
endif()
message("chart ${OUT}: ${size} bytes, shape and pixel spread ${pixels}")
