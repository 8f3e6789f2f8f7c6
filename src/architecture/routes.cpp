#include "architecture/document_repository.hpp"
#include "architecture/module.hpp"
#include "architecture/repository.hpp"
#include "architecture/roadmap_repository.hpp"

namespace simpul::architecture {

std::vector<storage::Migration> Module::migrations() {
  std::vector<storage::Migration> all;
  for (auto list : {Repository::migrations(), DocumentRepository::migrations(), RoadmapRepository::migrations()})
    all.insert(all.end(), list.begin(), list.end());
  return all;
}

void register_routes(http::Router& router, Module& module) {
  register_element_routes(router, module);
  register_document_routes(router, module);
  register_roadmap_routes(router, module);
  register_transfer_routes(router, module);
}

}  // namespace simpul::architecture
