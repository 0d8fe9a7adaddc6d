# Finds every Debian package galley uses and exposes each as one imported target.
# See ../shared/DEPENDENCIES.md for why each lookup is done this way.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)

find_package(pugixml REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(BOTAN2 REQUIRED IMPORTED_TARGET botan-2)
# Morphology and tagging (domain/engine/analysis): lttoolbox 3.7 and apertium 3.8. apertium.pc
# names neither its include flags nor lttoolbox, so all three modules are asked for.
pkg_check_modules(APERTIUM REQUIRED IMPORTED_TARGET apertium>=3.8 lttoolbox>=3.7 icu-uc)
find_package(nlohmann_json REQUIRED)

# CAF 0.17.6 ships neither a CMake config nor a .pc file.
find_library(CAF_CORE_LIB caf_core REQUIRED)
find_library(CAF_IO_LIB caf_io REQUIRED)
add_library(galley_caf INTERFACE IMPORTED)
target_link_libraries(galley_caf INTERFACE ${CAF_IO_LIB} ${CAF_CORE_LIB} Threads::Threads)

# SOCI 4.0.3 ships no config either.
find_package(PostgreSQL REQUIRED)
find_library(SOCI_CORE_LIB soci_core REQUIRED)
find_library(SOCI_SQLITE_LIB soci_sqlite3 REQUIRED)
find_library(SOCI_PG_LIB soci_postgresql REQUIRED)
find_package(SQLite3 REQUIRED)
add_library(galley_soci INTERFACE IMPORTED)
target_include_directories(galley_soci INTERFACE ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(galley_soci INTERFACE ${SOCI_SQLITE_LIB} ${SOCI_PG_LIB} ${SOCI_CORE_LIB}
                      SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS} Threads::Threads)
# Debian's SOCI exports no type information for its internal statement classes, which UBSan's
# vptr check needs: code that includes SOCI is checked without it.
if(GALLEY_SANITIZE)
  target_compile_options(galley_soci INTERFACE -fno-sanitize=vptr)
endif()

# RESTinio needs fmt found first.
find_package(fmt REQUIRED)
find_package(restinio REQUIRED)
# RESTinio's TLS (asio::ssl) for --tls-cert/--tls-key.
find_package(OpenSSL REQUIRED)
find_package(prometheus-cpp REQUIRED)
